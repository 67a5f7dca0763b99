using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobMatch.Api.Mentoring;

/// <summary>Configuration section "Mentoring".</summary>
public sealed class MentoringOptions
{
    public const string Section = "Mentoring";

    /// <summary>An enterprise is overdue when this many whole days (Asia/Shanghai) have passed without a session.</summary>
    public int OverdueDays { get; set; } = 30;
}

public static class MentoringSetup
{
    public static IServiceCollection AddMentoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MentoringOptions>().Bind(configuration.GetSection(MentoringOptions.Section))
            .Validate(options => options.OverdueDays is >= 1 and <= 365, "Mentoring:OverdueDays must be a whole number of days from 1 to 365.")
            .ValidateOnStart();
        // Tests replace the clock to move through time; other features may have registered it already.
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapMentoring(this IEndpointRouteBuilder app)
    {
        app.MapMentors();
        app.MapEnterprises();
        app.MapMentoringSessions();
        app.MapAssignments();
        app.MapAssignmentPlan();
        app.MapMentoringReport();
        return app;
    }

    /// <summary>A date as a query parameter: Dapper does not pass DateOnly, so it travels as a DateTime cast to date in SQL.</summary>
    public static DateTime AsParameter(this DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
