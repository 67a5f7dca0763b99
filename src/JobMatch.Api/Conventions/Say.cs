using System.Globalization;

namespace JobMatch.Api.Conventions;

/// <summary>Human-readable messages: Chinese by default, English when the request asks for it (Accept-Language: en).</summary>
public static class Say
{
    public static string Text(string chinese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : chinese;

    public static IApplicationBuilder UseChineseOrEnglish(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            string[] cultures = ["zh-CN", "en"];
            options.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
}
