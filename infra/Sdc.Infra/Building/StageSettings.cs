namespace Sdc.Infra.Building;

/// <summary>One deployment of the SDC, as <c>infra/stages.json</c> describes it.</summary>
public sealed record StageSettings(
    string Name,
    string? Account,
    string? Region,
    string Processors,
    bool RetainData,
    int NatGateways,
    DatabaseSettings Database,
    int BatchMaxVcpus,
    int ApiRateLimit,
    int ApiBurstLimit,
    string? AlarmEmail);

/// <summary>The catalog's RDS instance: class and size (e.g. t4g, medium), Multi-AZ, storage and backups.</summary>
public sealed record DatabaseSettings(string InstanceClass, string InstanceSize, bool MultiAz, int AllocatedStorageGiB, int BackupDays);
