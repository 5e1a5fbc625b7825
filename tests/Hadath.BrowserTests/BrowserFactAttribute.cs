namespace Hadath.BrowserTests;

/// <summary>
/// A test that drives Debian's chromium through chromedriver. Skipped on a developer machine without
/// /usr/bin/chromedriver; in CI (CI=true, where .ci/run installs chromium and chromium-driver) it always runs, so a
/// missing browser fails there instead of passing silently.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromeDriver = "/usr/bin/chromedriver";
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!Available && !InCi) Skip = $"{ChromeDriver} is not installed (apt-get install chromium chromium-driver); browser tests run in CI";
    }

    public static bool Available => File.Exists(ChromeDriver) && File.Exists(Chromium);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
