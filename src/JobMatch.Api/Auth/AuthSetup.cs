using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Auth;

public static class AuthSetup
{
    /// <summary>Who am I: the only route of its own (tokens come from the identity provider or the <c>token</c> command).</summary>
    public static IEndpointRouteBuilder MapJobMatchAuth(this IEndpointRouteBuilder app)
    {
        app.MapMe();
        return app;
    }

    /// <summary>JWT bearer tokens, exactly one known role each, and a fallback policy that closes every endpoint by default.</summary>
    public static IServiceCollection AddJobMatchAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(options => options.IsValid(),
                "Set Auth:SigningKey (base64, at least 32 bytes) or Auth:Authority (an OpenID Connect issuer) to check bearer tokens.")
            .ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var options = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes());
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
            jwt.Events = new JwtBearerEvents { OnTokenValidated = RequireExactlyOneKnownRole };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Recruiter, policy => policy.RequireRole(Roles.Recruiter))
            .AddPolicy(Policies.Veteran, policy => policy.RequireRole(Roles.Veteran))
            .AddPolicy(Policies.Mentor, policy => policy.RequireRole(Roles.Mentor))
            .AddPolicy(Policies.AdminOrRecruiter, policy => policy.RequireRole(Roles.Admin, Roles.Recruiter))
            .AddPolicy(Policies.AnyRole, policy => policy.RequireRole([.. Roles.All]));
        return services;
    }

    static Task RequireExactlyOneKnownRole(TokenValidatedContext context)
    {
        var roles = context.Principal?.FindAll("role").Select(claim => claim.Value).ToList() ?? [];
        if (roles.Count != 1 || !Roles.All.Contains(roles[0]) || !Subjects.IsValid(context.Principal, context.SecurityToken))
        {
            context.Fail($"A token must carry one sub ({Subjects.Rule}) and exactly one role of admin, recruiter, veteran or mentor.");
        }
        return Task.CompletedTask;
    }
}
