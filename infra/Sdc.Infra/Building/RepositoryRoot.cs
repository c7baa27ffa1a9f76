namespace Sdc.Infra.Building;

/// <summary>The checkout the app deploys: the nearest folder upward holding mission.yaml and infra/pipeline.asl.json.</summary>
public static class RepositoryRoot
{
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "mission.yaml")) && File.Exists(Path.Combine(folder.FullName, "infra", "pipeline.asl.json")))
            {
                return folder.FullName;
            }
        }
        throw new FileNotFoundException($"No SDC checkout (mission.yaml and infra/pipeline.asl.json) at or above {start}: run from the repository.");
    }
}
