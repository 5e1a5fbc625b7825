using System.Reflection;

namespace Hadath.TestKit;

/// <summary>Where the repository and ../shared are, wherever the tests were built (also with --artifacts-path).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
    public static string Sample(string name) => Path("samples", name);
    public static string Shared(params string[] parts) => System.IO.Path.Combine([Root, "..", "shared", .. parts]);

    private static string FindRoot()
    {
        var fromBuild = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(System.IO.Path.Combine(fromBuild, "Hadath.slnx"))) return System.IO.Path.GetFullPath(fromBuild);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Hadath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Hadath.slnx) not found");
    }
}
