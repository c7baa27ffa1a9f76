namespace Sdc.Instruments;

/// <summary>What the EMIRS scan mirror pointed at during a scan.</summary>
public enum EmirsScene
{
    Mars = 0,
    DeepSpace = 1,
    InternalBlackbody = 2,
}
