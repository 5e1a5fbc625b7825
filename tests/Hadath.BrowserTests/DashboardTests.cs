using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Hadath.BrowserTests;

/// <summary>The dashboard in a real browser: layout, article view, charts, map, table, paste box, and inert article markup.</summary>
public sealed class DashboardTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _f;

    public DashboardTests(DashboardFixture f) => _f = f;

    private ChromeDriver Driver => _f.Driver;

    [BrowserFact]
    public void The_overview_is_right_to_left_and_draws_the_timeline_the_actor_network_and_the_map()
    {
        Go("#/overview", "overview");
        Assert.Equal("ar", Js<string>("return document.documentElement.lang"));
        Assert.Equal("rtl", Js<string>("return document.documentElement.dir"));
        Assert.Equal("rtl", Js<string>("return getComputedStyle(document.body).direction"));
        // In a right-to-left page the first navigation link sits right of the last one.
        Assert.True(Js<long>("const a = document.querySelectorAll('nav a'); return Math.round(a[0].getBoundingClientRect().left - a[a.length - 1].getBoundingClientRect().left)") > 0);

        Assert.True(Js<long>("return Chart.getChart(document.getElementById('timeline-chart')).data.datasets.length") >= 3);
        Assert.True(PaintedPixels("#timeline-chart") > 1000, "the timeline canvas is blank");

        Assert.True(Js<long>("return document.querySelectorAll('#map path.country').length") > 150);
        var located = Js<ReadOnlyCollection<object>>("return [...document.querySelectorAll('#map path.country:not(.l0)')].map(p => p.dataset.country)").Cast<string>().ToList();
        Assert.Superset(new HashSet<string> { "EGY", "UKR", "MAR", "ARE" }, located.ToHashSet());
        Assert.True(Js<long>("return document.querySelectorAll('#map circle.place').length") >= 4);
        Assert.True(Js<long>("const r = document.querySelector('#map').getBoundingClientRect(); return Math.round(r.width * r.height)") > 100_000);

        Assert.True(Js<long>("return +document.getElementById('network').dataset.edges") >= 4);
        Assert.True(PaintedPixels("#network canvas[data-id='layer2-node']") > 200, "the network draws no nodes");
        Screenshot("overview");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void An_actor_or_a_country_on_the_overview_filters_the_event_table()
    {
        Go("#/overview", "overview");
        // The most active actor: the table then holds exactly the events the API gives for it.
        var first = Driver.FindElement(By.CssSelector("#top-actors li"));
        var name = first.FindElement(By.CssSelector(".name")).Text;
        ClickAndWait(first, "events");
        var id = Js<string>("return document.querySelector('#filters [name=actor]').value");
        Assert.False(string.IsNullOrEmpty(id));
        var expected = Js<long>("""
            const done = arguments[arguments.length - 1];
            fetch('/v1/events?limit=25&actor=' + encodeURIComponent(document.querySelector('#filters [name=actor]').value))
              .then(r => r.json()).then(p => done(p.items.length), () => done(-1));
            """, async: true);
        Assert.True(expected > 0);
        Assert.Equal(expected, Driver.FindElements(By.CssSelector("#events-table tbody tr")).Count);
        Assert.Contains(Driver.FindElements(By.CssSelector("#events-table tbody tr")), r => r.Text.Contains(name, StringComparison.Ordinal));

        Go("#/overview", "overview");
        Js<object>("document.body.dataset.ready = ''; document.querySelector('#map path[data-country=ARE]').dispatchEvent(new MouseEvent('click', { bubbles: true })); return null;");
        WaitReady("events");
        Assert.Equal("ARE", Js<string>("return document.querySelector('#filters [name=country]').value"));
        Assert.Contains(Driver.FindElements(By.CssSelector("#events-table tbody tr")), r => r.Text.Contains("AGREE", StringComparison.Ordinal) && r.Text.Contains("الإمارات", StringComparison.Ordinal));
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void The_article_view_highlights_the_quote_and_lists_it_with_its_speaker()
    {
        Go($"#/doc/{_f.SeedId}", "article");
        var quotes = Js<ReadOnlyCollection<object>>("""
            const byIndex = {};
            for (const s of document.querySelectorAll('#article-text .hl-quote'))
              for (const i of (s.dataset.quote || '').split(' ')) byIndex[i] = (byIndex[i] || '') + s.textContent;
            return Object.values(byIndex);
            """).Cast<string>().ToList();
        Assert.Contains("سنرى ما سيحدث", quotes);
        // The highlight is visible: the quote band is painted.
        Assert.NotEqual("none", Js<string>("return getComputedStyle([...document.querySelectorAll('#article-text .hl-quote')].find(s => s.textContent.includes('سنرى'))).boxShadow"));
        Assert.True(Js<long>("return document.querySelectorAll('#article-text .hl-entity').length") >= 10);
        Assert.Equal(9, Js<long>("return document.querySelectorAll('#legend li').length"));
        var quoteItem = Driver.FindElements(By.CssSelector("#article-quotes li")).First(li => li.Text.Contains("سنرى ما سيحدث", StringComparison.Ordinal));
        Assert.Contains("ترامب", quoteItem.Text, StringComparison.Ordinal);
        // The article text is the stored text, whole.
        Assert.StartsWith("3 ساعات خلف الأبواب المغلقة", Js<string>("return document.getElementById('article-text').textContent"), StringComparison.Ordinal);
        Screenshot("article-seed");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void Each_layer_is_highlighted_in_its_own_style_and_the_side_panel_leads_to_it()
    {
        Go($"#/doc/{_f.HandBuiltIds["hb-cairo"]}", "article");
        string Style(string cls, string property) =>
            Js<string>($"return getComputedStyle(document.querySelector('#article-text .{cls}')).getPropertyValue('{property}')");
        Assert.Equal("وزير الخارجية المصري", Js<string>("return document.querySelector('#article-text .hl-PERSON').textContent"));
        Assert.Equal("التقى", Js<string>("return document.querySelector('#article-text .hl-trigger').textContent"));
        Assert.Equal("يوم الاثنين", Js<string>("return document.querySelector('#article-text .hl-time').textContent"));
        Assert.Equal("نريد حلًا سريعًا", Js<string>("return document.querySelector('#article-text .hl-quote').textContent"));
        var backgrounds = new[] { "hl-PERSON", "hl-GPE" }.Select(c => Style(c, "background-color")).ToList();
        Assert.Equal(2, backgrounds.Distinct().Count());
        Assert.NotEqual(Style("hl-trigger", "color"), Style("hl-time", "color"));
        Assert.NotEqual("none", Style("hl-quote", "box-shadow"));
        var item = Driver.FindElement(By.CssSelector("#article-events li[data-type='CONSULT']"));
        Assert.Contains("وزير الخارجية المصري", item.Text, StringComparison.Ordinal);
        Assert.Contains("نظيره الأردني", item.Text, StringComparison.Ordinal);
        Assert.Contains("2025-08-04", item.Text, StringComparison.Ordinal);
        Assert.Contains("القاهرة", item.Text, StringComparison.Ordinal);
        item.Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(5)).Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.querySelector('#article-text .hl-trigger.flash') !== null") is true);
        Screenshot("article-layers");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void The_article_view_lists_the_putin_witkoff_consult_event()
    {
        Go($"#/doc/{_f.SeedId}", "article");
        var consult = Driver.FindElements(By.CssSelector("#article-events li[data-type='CONSULT']"));
        Assert.Contains(consult, li => li.Text.Contains("بوتين", StringComparison.Ordinal) && li.Text.Contains("ويتكوف", StringComparison.Ordinal));
        Assert.True(Js<long>("return document.querySelectorAll('#article-text .hl-trigger').length") >= 1);
        Screenshot("article-seed-events");
    }

    [BrowserFact]
    public void Script_and_img_markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        Go($"#/doc/{_f.HostileId}", "article");
        var text = Js<string>("return document.getElementById('article-text').textContent");
        Assert.Contains("<script>window.__xss = 1</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__xss = 2\">", text, StringComparison.Ordinal);
        Assert.Equal(0, Js<long>("return document.querySelectorAll('#article-text *:not(span)').length"));
        Assert.Equal(0, Js<long>("return document.querySelectorAll('img').length"));
        Assert.True(Js<bool>("return window.__xss === undefined"));
        Screenshot("article-hostile");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void A_pasted_article_is_analysed_and_shown_with_its_highlights()
    {
        Go("#/analyze", "analyze");
        var text = "وقال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء: \"لن نقبل بأي شروط مسبقة\". <img src=x onerror=\"window.__xss = 3\">";
        Driver.FindElement(By.CssSelector("#analyze-form textarea")).SendKeys(text);
        Js<object>("document.querySelector('#analyze-form input[name=published]').value = '2025-08-06'; return null;");
        ClickAndWait(Driver.FindElement(By.Id("analyze-run")), "article");
        Assert.Contains(Driver.FindElements(By.CssSelector("#article-quotes li")), li => li.Text.Contains("لن نقبل بأي شروط مسبقة", StringComparison.Ordinal));
        Assert.True(Js<long>("return document.querySelectorAll('#article-text .hl-quote').length") >= 1);
        Assert.True(Js<long>("return document.querySelectorAll('#article-text .hl-entity').length") >= 1);
        Assert.True(Js<bool>("return window.__xss === undefined && document.querySelectorAll('img').length === 0"));
        Screenshot("article-pasted");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void Storing_a_pasted_article_needs_the_key_and_then_opens_the_stored_article()
    {
        Go("#/analyze", "analyze");
        var text = "أعلنت وزارة الدفاع التونسية يوم الجمعة أن وحدات من الجيش شاركت في تمرين مشترك مع القوات الجزائرية قرب الحدود.";
        Driver.FindElement(By.CssSelector("#analyze-form textarea")).SendKeys(text);
        Screenshot("analyze-form");
        Driver.FindElement(By.Id("analyze-store")).Click();
        var alert = new WebDriverWait(Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElement(By.Id("alert")) is { Displayed: true } a ? a : null);
        Assert.Contains("E401", alert!.Text, StringComparison.Ordinal);

        var key = Driver.FindElement(By.Id("api-key"));
        key.SendKeys(DashboardFixture.Key);
        key.SendKeys(Keys.Tab);
        ClickAndWait(Driver.FindElement(By.Id("analyze-store")), "article");
        Assert.Matches("^#/doc/[0-9]+$", Js<string>("return location.hash"));
        Assert.Equal(text, Js<string>("return document.getElementById('article-text').textContent"));
        Js<object>("sessionStorage.clear(); return null;");
        AssertNoConsoleErrors(allowUnauthorized: true);
    }

    [BrowserFact]
    public void The_event_table_follows_the_filters_and_exports_them()
    {
        Go("#/events", "events");
        Assert.True(Driver.FindElements(By.CssSelector("#events-table tbody tr")).Count >= 4);
        Js<object>("document.getElementById('filter-type').value = 'PROTEST'; return null;");
        Driver.FindElement(By.CssSelector("#filters button[type=submit]")).Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.CssSelector("#events-table tbody tr")).Count == 1);
        var row = Driver.FindElement(By.CssSelector("#events-table tbody tr"));
        Assert.Contains("PROTEST", row.Text, StringComparison.Ordinal);
        Assert.Contains("الطلاب", row.Text, StringComparison.Ordinal);
        Screenshot("events-table");
        // The export fetches the current filter as a file; check what it would save.
        var csv = Js<string>("""
            const done = arguments[arguments.length - 1];
            fetch('/v1/events/export?format=csv&type=PROTEST').then(r => r.text()).then(done, e => done('error ' + e));
            """, async: true);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 2, csv);
        Driver.FindElement(By.Id("export-csv")).Click();
        Assert.False(Driver.FindElement(By.Id("alert")).Displayed);
        Js<object>("document.getElementById('filter-type').value = ''; return null;");
        AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void Search_marks_the_matched_words_and_opens_the_article()
    {
        Go("#/search?q=" + Uri.EscapeDataString("ويتكوف"), "search");
        var marks = Driver.FindElements(By.CssSelector("#search-results mark"));
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains("ويتكوف", m.Text, StringComparison.Ordinal));
        Screenshot("search");
        ClickAndWait(Driver.FindElement(By.CssSelector("#search-results a.title")), "article");
        Assert.Contains("ويتكوف", Js<string>("return document.getElementById('article-text').textContent"), StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    // ------------------------------------------------------------------ helpers

    private void Go(string hash, string view)
    {
        Driver.Navigate().GoToUrl("about:blank");
        Driver.Navigate().GoToUrl(_f.BaseUrl + "/" + hash);
        WaitReady(view);
    }

    private void ClickAndWait(IWebElement element, string view)
    {
        Js<object>("document.body.dataset.ready = ''; return null;");
        element.Click();
        WaitReady(view);
    }

    private void WaitReady(string view)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(20));
        var ready = wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.body && document.body.dataset.ready") is string s && s.Length > 0 ? s : null);
        if (ready == "error") Assert.Fail("the dashboard showed an error: " + Driver.FindElement(By.Id("alert")).Text);
        Assert.Equal(view, ready);
    }

    private T Js<T>(string script, bool async = false)
    {
        var result = async ? Driver.ExecuteAsyncScript(script) : Driver.ExecuteScript(script);
        return (T)result!;
    }

    private long PaintedPixels(string selector) => Js<long>($$"""
        const c = document.querySelector("{{selector}}");
        if (!c) return 0;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
        """);

    /// <summary>Saves the whole page (the window is stretched to the page's height for the shot).</summary>
    private void Screenshot(string name)
    {
        Directory.CreateDirectory(DashboardFixture.ScreenshotFolder);
        var window = Driver.Manage().Window;
        var size = window.Size;
        var height = (int)Math.Min(6000, Js<long>("return Math.ceil(document.documentElement.scrollHeight)") + (size.Height - Js<long>("return window.innerHeight")));
        window.Size = new System.Drawing.Size(size.Width, Math.Max(size.Height, height));
        try
        {
            Driver.GetScreenshot().SaveAsFile(Path.Combine(DashboardFixture.ScreenshotFolder, name + ".png"));
        }
        finally
        {
            window.Size = size;
        }
    }

    /// <summary>No script error, failed load or CSP / Trusted Types violation was logged (a refused key is logged as a 401 load, which a test may expect).</summary>
    private void AssertNoConsoleErrors(bool allowUnauthorized = false)
    {
        var severe = Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message)
            .Where(m => !(allowUnauthorized && m.Contains("401", StringComparison.Ordinal))).ToList();
        Assert.True(severe.Count == 0, "browser console errors:\n" + string.Join("\n", severe));
    }
}
