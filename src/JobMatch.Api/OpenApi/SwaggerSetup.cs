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
                Description = "Employment and training matching for veterans. Bearer tokens: `dotnet run --project src/JobMatch.Api -- token --role admin --subject me`. "
                    + "Limits on request strings and lists count as the validation does: characters once trimmed of surrounding "
                    + "white space, and the items of a free-text list once blank and repeated entries are dropped.",
            });
            options.CustomOperationIds(OperationIds.Of);
            options.OperationFilter<UploadForms>();
            options.OperationFilter<ConventionsOperationFilter>();
            options.SchemaFilter<DocumentedLimits>();
            options.OperationFilter<DocumentedLimits>();
            options.OperationFilter<OperationTexts>();
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                // What AuthSetup checks, in the terms of RFC 8725 (JSON Web Token Best Current Practices).
                Description = "A JWS-signed JWT with claims sub and exactly one role (admin, recruiter, veteran or mentor), validated as "
                    + "RFC8725 recommends: unsigned tokens and alg none are refused; the algorithm is pinned to HS256 with a key of at least "
                    + "256 bits, or, with an OpenID Connect issuer configured, only its published keys verify; issuer, audience, expiry "
                    + "and not-before are checked (one minute of clock skew). The typ header is not checked.",
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
