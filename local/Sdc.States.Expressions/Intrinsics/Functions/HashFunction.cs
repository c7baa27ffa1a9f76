using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.Hash(data, algorithm)</c>: the lowercase hex digest of the data's UTF-8 bytes with
/// MD5, SHA-1, SHA-256, SHA-384 or SHA-512; the data may hold at most 10,000 characters.
/// </summary>
internal sealed class HashFunction() : IntrinsicFunction("States.Hash", 2, 2)
{
    public const int MaxLength = 10_000;

    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var data = arguments.GetString(0, "data");
        var algorithm = arguments.GetString(1, "algorithm");
        if (data.Length > MaxLength)
        {
            throw arguments.Error($"the input holds {data.Length} characters; at most {MaxLength} are allowed.");
        }

        var bytes = Encoding.UTF8.GetBytes(data);

        // MD5 and SHA-1 are what the ASL offers for fingerprinting payloads, not used here for security.
#pragma warning disable CA5350, CA5351
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw arguments.Error($"argument 2 (algorithm) must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was '{algorithm}'."),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
