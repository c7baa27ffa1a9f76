namespace Sdc.Events;

/// <summary>
/// What the factories put where AWS would put the real account and region. The twelve zeros are
/// the account id that local AWS emulators use, so a locally made event is recognisable as such.
/// </summary>
internal static class LocalDefaults
{
    public const string Account = "000000000000";

    public const string Region = "us-east-1";

    public const string SourceIpAddress = "127.0.0.1";
}
