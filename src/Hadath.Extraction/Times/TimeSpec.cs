using System.Globalization;

namespace Hadath.Extraction.Times;

/// <summary>Which way a relative expression points from its anchor.</summary>
public enum TimeDirection : sbyte
{
    /// <summary>No modifier: the reading news uses by default (a weekday is the most recent one on or before the anchor).</summary>
    Default = 0,
    /// <summary>الماضي, المنصرم: strictly before the anchor.</summary>
    Past = -1,
    /// <summary>المقبل, القادم: strictly after the anchor.</summary>
    Next = 1,
    /// <summary>الحالي, الجاري, هذا: the one containing the anchor.</summary>
    Current = 2,
}

/// <summary>
/// What a time expression means, before it is resolved against an anchor date. Immutable. <see cref="Resolve"/> turns
/// it into a contract value (2025-08-06, 2025-W31, 2025-08, 2025, 2025-SP, PT3H, 2025-08-06T10:00) or null.
/// </summary>
public abstract record TimeSpec
{
    /// <summary>date, week, month, year, season, duration or time.</summary>
    public abstract string Kind { get; }

    /// <summary>True when the value depends on the anchor.</summary>
    public abstract bool IsRelative { get; }

    /// <summary>The value against <paramref name="anchor"/> (null when the anchor is needed and missing, or the spec is vague).</summary>
    public abstract string? Resolve(DateOnly? anchor);

    internal static string FormatDay(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    internal static string FormatMonth(int y, int m) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}");
    internal static string FormatYear(int y) => y.ToString("0000", CultureInfo.InvariantCulture);
}

/// <summary>اليوم (0), أمس (−1), أول أمس (−2), غدا (+1), بعد غد (+2), الليلة (0).</summary>
public sealed record DayOffsetSpec(int Offset) : TimeSpec
{
    public override string Kind => "date";
    public override bool IsRelative => true;
    public override string? Resolve(DateOnly? anchor) => anchor is { } a ? FormatDay(a.AddDays(Offset)) : null;
}

/// <summary>A weekday (ISO 1 = Monday … 7 = Sunday) with its direction: يوم الثلاثاء, الخميس الماضي, الجمعة المقبل.</summary>
public sealed record WeekdaySpec(int Weekday, TimeDirection Direction) : TimeSpec
{
    public override string Kind => "date";
    public override bool IsRelative => true;

    public override string? Resolve(DateOnly? anchor)
    {
        if (anchor is not { } a) return null;
        var today = a.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)a.DayOfWeek;
        switch (Direction)
        {
            case TimeDirection.Next:
                var ahead = (Weekday - today + 7) % 7;
                return FormatDay(a.AddDays(ahead == 0 ? 7 : ahead));
            case TimeDirection.Past:
                var back = (today - Weekday + 7) % 7;
                return FormatDay(a.AddDays(-(back == 0 ? 7 : back)));
            default:
                return FormatDay(a.AddDays(-((today - Weekday + 7) % 7)));
        }
    }
}

/// <summary>
/// A calendar date or month, Gregorian or Hijri, possibly without its year (6 أغسطس, تشرين الثاني الماضي, 15 رمضان 1446).
/// Day null means a month.
/// </summary>
public sealed record CalendarDateSpec(int? Year, int Month, int? Day, bool Hijri = false, TimeDirection Direction = TimeDirection.Default) : TimeSpec
{
    private static readonly UmAlQuraCalendar UmAlQura = new();
    private static readonly HijriCalendar Tabular = new();

    public override string Kind => Day is null ? "month" : "date";
    public override bool IsRelative => Year is null;

    public override string? Resolve(DateOnly? anchor)
    {
        try
        {
            return Hijri ? ResolveHijri(anchor) : ResolveGregorian(anchor);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private string? ResolveGregorian(DateOnly? anchor)
    {
        int year;
        if (Year is { } y) year = y;
        else if (anchor is { } a) year = PickYear(a.Year, a.Month, a.Day, 12);
        else return null;
        if (Month is < 1 or > 12 || year is < 1 or > 9999) return null;
        if (Day is not { } d) return FormatMonth(year, Month);
        return d >= 1 && d <= DateTime.DaysInMonth(year, Month) ? FormatDay(new DateOnly(year, Month, d)) : null;
    }

    private string? ResolveHijri(DateOnly? anchor)
    {
        Calendar cal = UmAlQura;
        int year;
        if (Year is { } y)
        {
            year = y;
        }
        else if (anchor is { } a)
        {
            var dt = a.ToDateTime(TimeOnly.MinValue);
            cal = dt >= UmAlQura.MinSupportedDateTime && dt <= UmAlQura.MaxSupportedDateTime ? UmAlQura : Tabular;
            year = PickYear(cal.GetYear(dt), cal.GetMonth(dt), cal.GetDayOfMonth(dt), 12);
        }
        else return null;
        if (year < 1318 || year > 1500) cal = Tabular;
        if (Month is < 1 or > 12) return null;
        if (Day is { } d)
        {
            if (d < 1 || d > cal.GetDaysInMonth(year, Month)) return null;
            return FormatDay(DateOnly.FromDateTime(cal.ToDateTime(year, Month, d, 0, 0, 0, 0)));
        }
        // a Hijri month is given as the Gregorian month that holds its middle
        var mid = cal.ToDateTime(year, Month, 15, 0, 0, 0, 0);
        return FormatMonth(mid.Year, mid.Month);
    }

    /// <summary>The year of a month/day given without one: الماضي = the last one before the anchor, المقبل = the next one
    /// after it, otherwise the anchor's year unless the month lies more than half a year ahead (then the year before).</summary>
    private int PickYear(int ay, int am, int ad, int monthsPerYear)
    {
        var key = Month * 100 + (Day ?? 0);
        var anchorKey = am * 100 + (Day is null ? 0 : ad);
        return Direction switch
        {
            TimeDirection.Past => key < anchorKey ? ay : ay - 1,
            TimeDirection.Next => key > anchorKey ? ay : ay + 1,
            TimeDirection.Current => ay,
            _ => Month > am + monthsPerYear / 2 ? ay - 1 : ay,
        };
    }
}

/// <summary>A year: عام 2025, في 2004, 1446 هـ (a Hijri year is given as the Gregorian year holding its middle).</summary>
public sealed record YearSpec(int Year, bool Hijri = false) : TimeSpec
{
    public override string Kind => "year";
    public override bool IsRelative => false;

    public override string? Resolve(DateOnly? anchor)
    {
        if (!Hijri) return Year is >= 1 and <= 9999 ? FormatYear(Year) : null;
        try
        {
            Calendar cal = Year is >= 1318 and <= 1500 ? new UmAlQuraCalendar() : new HijriCalendar();
            return FormatYear(cal.ToDateTime(Year, 7, 1, 0, 0, 0, 0).Year);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>A week, month or year counted from the anchor's: هذا الأسبوع (0), الشهر الماضي (−1), العام المقبل (+1).</summary>
public sealed record RelativePeriodSpec(TimeUnit Unit, int Offset) : TimeSpec
{
    public override string Kind => Unit switch { TimeUnit.Week => "week", TimeUnit.Month => "month", TimeUnit.Year => "year", _ => "date" };
    public override bool IsRelative => true;

    public override string? Resolve(DateOnly? anchor)
    {
        if (anchor is not { } a) return null;
        switch (Unit)
        {
            case TimeUnit.Week:
                var dt = a.AddDays(7 * Offset).ToDateTime(TimeOnly.MinValue);
                return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):0000}-W{ISOWeek.GetWeekOfYear(dt):00}");
            case TimeUnit.Month:
                var m = a.AddMonths(Offset);
                return FormatMonth(m.Year, m.Month);
            case TimeUnit.Year:
                return FormatYear(a.Year + Offset);
            case TimeUnit.Day:
                return FormatDay(a.AddDays(Offset));
            default:
                return null;
        }
    }
}

/// <summary>
/// A season (1 spring SP Mar–May, 2 summer SU Jun–Aug, 3 autumn FA Sep–Nov, 4 winter WI Dec–Feb, named by the year
/// of its December). With a year it is explicit; otherwise في الربيع is the anchor year's, الشتاء الماضي the last one
/// that ended before the anchor, الصيف المقبل the next one that starts after it.
/// </summary>
public sealed record SeasonSpec(int Season, int? Year, TimeDirection Direction) : TimeSpec
{
    private static readonly string[] Codes = ["SP", "SU", "FA", "WI"];

    public override string Kind => "season";
    public override bool IsRelative => Year is null;

    public override string? Resolve(DateOnly? anchor)
    {
        if (Season is < 1 or > 4) return null;
        if (Year is { } y) return Format(y);
        if (anchor is not { } a) return null;
        switch (Direction)
        {
            case TimeDirection.Past:
                for (var year = a.Year + 1; year > a.Year - 3; year--)
                    if (End(year) < a) return Format(year);
                return null;
            case TimeDirection.Next:
                for (var year = a.Year - 1; year < a.Year + 3; year++)
                    if (Start(year) > a) return Format(year);
                return null;
            default:
                for (var year = a.Year - 1; year <= a.Year; year++)
                    if (Start(year) <= a && a <= End(year)) return Format(year);
                return Format(a.Year);
        }
    }

    private string Format(int year) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{Codes[Season - 1]}");

    private DateOnly Start(int year) => new(year, Season * 3, 1);

    private DateOnly End(int year) => Start(year).AddMonths(3).AddDays(-1);
}

/// <summary>A length of time as ISO 8601 (PT3H, P2W, P1Y).</summary>
public sealed record DurationSpec(TimeUnit Unit, double Count) : TimeSpec
{
    public override string Kind => "duration";
    public override bool IsRelative => false;
    public override string? Resolve(DateOnly? anchor) => TimeWords.IsoDuration(Unit, Count);
}

/// <summary>A recurring time (يوميا → P1D, أسبوعيا → P1W) of kind "set".</summary>
public sealed record SetSpec(TimeUnit Unit) : TimeSpec
{
    public override string Kind => "set";
    public override bool IsRelative => false;
    public override string? Resolve(DateOnly? anchor) => TimeWords.IsoDuration(Unit, 1);
}

/// <summary>A clock time on a day: الساعة 10 من صباح يوم الجمعة المقبل → 2026-02-06T10:00.</summary>
public sealed record ClockTimeSpec(TimeSpec Date, int Hour, int Minute) : TimeSpec
{
    public override string Kind => "time";
    public override bool IsRelative => Date.IsRelative;

    public override string? Resolve(DateOnly? anchor)
    {
        var day = Date.Resolve(anchor);
        return day is { Length: 10 } ? string.Create(CultureInfo.InvariantCulture, $"{day}T{Hour:00}:{Minute:00}") : null;
    }
}

/// <summary>An expression recognised as a time whose value is not determined (الأيام المقبلة, اليوم الأول من التعبئة, التسعينيات).</summary>
public sealed record VagueSpec(string VagueKind, bool Relative) : TimeSpec
{
    public override string Kind => VagueKind;
    public override bool IsRelative => Relative;
    public override string? Resolve(DateOnly? anchor) => null;
}
