namespace Sdc.Instruments;

/// <summary>
/// EXI's six filters, by their code in the tile header; the mission.yaml descriptor of each is its
/// name in lower case (<see cref="ExiFilters.Descriptor"/>). f220–f320 go through the UV camera,
/// f437–f635 through the visible one.
/// </summary>
public enum ExiFilter
{
    F220 = 0,
    F260 = 1,
    F320 = 2,
    F437 = 3,
    F546 = 4,
    F635 = 5,
}
