using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

/// <summary>AWS's documented sample events under Samples/ (see Samples/README.md), copied beside the test binaries.</summary>
internal static class SampleFiles
{
    public const string EventBridgeObjectCreated = "eventbridge-object-created.json";
    public const string NotificationPut = "s3-notification-put.json";
    public const string NotificationTestEvent = "s3-notification-test-event.json";
    public const string Scheduled = "eventbridge-scheduled.json";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static JsonNode Node(string name) => JsonNode.Parse(Bytes(name))!;
}
