namespace Sdc.Simulator;

/// <summary>Reported after each file: how many of how many are done, bytes so far, and the file just finished.</summary>
public readonly record struct SimulationProgress(int FilesDone, int FilesTotal, long BytesWritten, string LastFile);
