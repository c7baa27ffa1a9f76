namespace Sdc.States.Errors;

/// <summary><c>States.ExceedToleratedFailureThreshold</c>: A Map state failed more items than its tolerated failure count or percentage.</summary>
public sealed class StatesExceedToleratedFailureThresholdException(string cause) : StatesException(StatesErrorNames.ExceedToleratedFailureThreshold, cause)
{
}
