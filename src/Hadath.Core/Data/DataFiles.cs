using System.Reflection;
using System.Text;
using Hadath.Core.Diagnostics;

namespace Hadath.Core.Data;

/// <summary>
/// The data the product ships (lexicons, gazetteers, word lists) lives under <c>data/</c> in the repository and is
/// embedded into the assembly that uses it, so a published <c>hadath</c> runs from any directory. An analyst can
/// override any file by putting an edited copy at the same relative path under the folder named by the
/// <c>HADATH_DATA</c> environment variable (or <see cref="OverrideDirectory"/>).
/// </summary>
public static class DataFiles
{
    /// <summary>A folder whose files replace the embedded ones of the same relative path; null = embedded only.</summary>
    public static string? OverrideDirectory { get; set; } = Environment.GetEnvironmentVariable("HADATH_DATA");

    /// <summary>Opens <paramref name="relativePath"/> (e.g. "kb/people.tsv"), embedded in <paramref name="owner"/>.</summary>
    public static Stream Open(Assembly owner, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var rel = relativePath.Replace('\\', '/');
        if (OverrideDirectory is { Length: > 0 } dir)
        {
            var path = Path.Combine(dir, rel);
            if (File.Exists(path)) return File.OpenRead(path);
        }
        return owner.GetManifestResourceStream(ResourceName(rel))
               ?? throw new HadathException(ErrorCode.LexiconMissing, $"{ErrorCode.LexiconMissing}: data file '{rel}' is not embedded in {owner.GetName().Name} and not found under HADATH_DATA");
    }

    public static bool Exists(Assembly owner, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var rel = relativePath.Replace('\\', '/');
        if (OverrideDirectory is { Length: > 0 } dir && File.Exists(Path.Combine(dir, rel))) return true;
        return owner.GetManifestResourceInfo(ResourceName(rel)) is not null;
    }

    /// <summary>All embedded data paths of an assembly under a folder prefix (e.g. "kb/").</summary>
    public static IEnumerable<string> List(Assembly owner, string prefix)
    {
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var name in owner.GetManifestResourceNames())
            if (name.StartsWith("data/" + prefix, StringComparison.Ordinal)) yield return name["data/".Length..];
    }

    /// <summary>The lines of a UTF-8 data file with their 1-based line numbers.</summary>
    public static IEnumerable<(int Line, string Text)> ReadLines(Assembly owner, string relativePath)
    {
        using var reader = new StreamReader(Open(owner, relativePath), new UTF8Encoding(false));
        var n = 0;
        while (reader.ReadLine() is { } line) yield return (++n, line);
    }

    public static string ReadAllText(Assembly owner, string relativePath)
    {
        using var reader = new StreamReader(Open(owner, relativePath), new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    private static string ResourceName(string rel) => "data/" + rel;
}
