namespace Sdc.States.Errors;

/// <summary><c>States.Timeout</c>: A Task ran longer than TimeoutSeconds or missed a heartbeat within HeartbeatSeconds.</summary>
public sealed class StatesTimeoutException(string cause) : StatesException(StatesErrorNames.Timeout, cause)
{
}
