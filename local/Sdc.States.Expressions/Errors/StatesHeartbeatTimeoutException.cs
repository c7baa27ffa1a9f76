namespace Sdc.States.Errors;

/// <summary><c>States.HeartbeatTimeout</c>: A Task did not send a heartbeat within HeartbeatSeconds.</summary>
public sealed class StatesHeartbeatTimeoutException(string cause) : StatesException(StatesErrorNames.HeartbeatTimeout, cause)
{
}
