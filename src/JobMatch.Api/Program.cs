using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Cli;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Database;
using JobMatch.Api.DemoData;
using JobMatch.Api.Health;
using JobMatch.Api.Mentoring;
using JobMatch.Api.Notifications;
using JobMatch.Api.OpenApi;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Veterans;
using JobMatch.Api.Imports;
using JobMatch.Api.JobFairs;
using JobMatch.Api.Matching;
using JobMatch.Api.Openings;
using JobMatch.Api.Programs;
using JobMatch.Api.Reminders;
using JobMatch.Api.Applications;
using JobMatch.Api.Interactions;
using JobMatch.Api.SavedPositions;
using JobMatch.Api.WebConsole;

// GBK/GB18030 spreadsheets (CSV imports) need the code-page encodings, registered once.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

return await Commands.Create(Serve, AddJobMatchServices).Parse(args).InvokeAsync();

// Every feature's services, after the database: the server and each command that builds a host make the same calls.
static void AddJobMatchServices(WebApplicationBuilder builder)
{
    builder.Services.AddJobMatchProblems();
    builder.Services.AddJobMatchAuth(builder.Configuration);
    builder.Services.AddAccounts(builder.Configuration);
    builder.Services.AddJobMatchLimits(builder.Configuration);
    builder.Services.AddJobMatchHealth();
    builder.Services.AddJobMatchSwagger();
    builder.Services.AddVeterans();
    builder.Services.AddMentoring(builder.Configuration);
    builder.Services.AddImports(builder.Configuration);
    builder.Services.AddOpenings();
    builder.Services.AddMatching();
    builder.Services.AddNotifications(builder.Configuration);
    builder.Services.AddReminders(builder.Configuration);
    builder.Services.AddWebConsole();

    // Demo data of every feature, loaded by `seed` and on the embedded database's first start.
    builder.Services.AddDemoSeeder<DemoCompanies>();
    builder.Services.AddDemoSeeder<DemoVeterans>();
    builder.Services.AddDemoSeeder<DemoMentoring>();
    builder.Services.AddDemoSeeder<DemoListings>();
    builder.Services.AddDemoSeeder<DemoApplications>();
    builder.Services.AddDemoSeeder<DemoConsoleUsers>();
}

static async Task<int> Serve(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    await using var embedded = await builder.AddJobMatchDatabaseAsync();
    AddJobMatchServices(builder);
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    var app = builder.Build();

    app.UseChineseOrEnglish();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseSecurityHeaders();
    app.UseNoStoreForApi();
    app.UseJobMatchSwagger();
    app.UseWebConsole();
    app.UseRouting();
    app.UseNotFoundForUnknownRoutes();
    app.UseAuthentication();
    app.UseRateLimiter(); // before authorization, so that requests without a valid token are limited (per address) too
    app.UseAuthorization();
    app.UseBodyLimits();
    app.UseIdempotencyKeys();

    app.MapHealth();
    app.MapJobMatchAuth();
    app.MapAccounts();
    app.MapCompanies();
    app.MapJobFairs();
    app.MapPrograms();
    app.MapProgramChanges();
    app.MapSourceClosing();
    app.MapOpenings();
    app.MapImports();
    app.MapAudit();
    app.MapVeterans();
    app.MapTaxonomy();
    app.MapMentoring();
    app.MapApplications();
    app.MapInteractions();
    app.MapSavedPositions();
    app.MapMatching();
    app.MapNotifications();
    app.MapInbox();
    app.MapNotificationPreferences();
    app.MapUnsubscribe();
    app.MapWebConsole();

    await app.RunAsync();
    return 0;
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
