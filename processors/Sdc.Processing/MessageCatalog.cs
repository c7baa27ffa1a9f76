namespace Sdc.Processing;

/// <summary>
/// The table of every message code a processor may emit (its own and the SDK's). Emitting a code
/// that is not in the table is a bug in the processor: the SDC's status pages and ITFs' tooling
/// key on these codes, so each must be documented (in the processor's MESSAGES.md too).
/// </summary>
public sealed class MessageCatalog
{
    private readonly Dictionary<string, MessageCode> _codes;

    public MessageCatalog(IEnumerable<MessageCode> codes)
    {
        _codes = SdkMessages.All.Concat(codes).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<MessageCode> Codes => _codes.Values;

    public MessageCode Get(string code) =>
        _codes.TryGetValue(code, out var found)
            ? found
            : throw new InvalidOperationException($"Message code '{code}' is not in the processor's message table; add it there and to MESSAGES.md.");
}
