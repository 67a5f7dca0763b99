using Microsoft.OpenApi;

namespace JobMatch.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddJobMatchSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "JobMatch",
                Version = "v1",
                Description = "Employment and training matching for veterans. Bearer tokens: `dotnet run --project src/JobMatch.Api -- token --role admin --subject me`.",
            });
            options.OperationFilter<ConventionsOperationFilter>();
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with claims sub and role (admin, recruiter, veteran or mentor).",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
        });
        return services;
    }

    public static WebApplication UseJobMatchSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "JobMatch API");
        return app;
    }
}
