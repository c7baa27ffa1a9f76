using System.Text.Json;

namespace Sdc.Events.Tests;

public sealed class SerializationTests
{
    /// <summary>
    /// The project turns reflection-based serialization off, as a trimmed Lambda has it; if this
    /// failed, the other tests could pass on reflection and hide a gap in EventJsonContext.
    /// </summary>
    [Fact]
    public void ReflectionSerialization_InThisSuite_IsOff()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new ObjectCreated("b", "k", 1, null, null, DateTimeOffset.UnixEpoch)));
    }
}
