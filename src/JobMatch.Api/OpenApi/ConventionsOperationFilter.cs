using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// Documents what every endpoint shares: the Idempotency-Key header, the error answers of the conventions (each
/// ProblemDetails: 400 for what cannot be bound, 401 and 403 where a token or role is needed, 413 and 415 for bodies,
/// 429 with Retry-After, 500), the JSON beside the CSV of a list, and no security on anonymous routes.
/// </summary>
sealed class ConventionsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Same key and request (method, path, query, body): the first answer again. Same key, another request: 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was used with another request" });
        }
        if (operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
        {
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "A parameter or the body could not be read, or a field is invalid" });
        }
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement()]; // no token needed
        }
        else
        {
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token" });
            // Tokens carry exactly one known role, so only a policy naming fewer than all of them answers 403.
            if (metadata.OfType<IAuthorizeData>().Any(data => data.Policy is not (null or Policies.AnyRole)))
            {
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Your role may not use this route" });
            }
        }
        if (operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("413", new OpenApiResponse { Description = "The body is over the size limit" });
            operation.Responses.TryAdd("415", new OpenApiResponse { Description = "The body is not of a content type this route reads" });
        }
        operation.Responses.TryAdd("429", new OpenApiResponse
        {
            Description = "Rate limited, or an attempt budget used up (claims): retry after Retry-After seconds",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the one-minute window that refused the request ends, or the 24 hours of an attempt budget",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
                },
            },
        });
        operation.Responses.TryAdd("500", new OpenApiResponse { Description = "Unexpected error, with a traceId" });

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validationProblem = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository);
        foreach (var (status, response) in operation.Responses)
        {
            if (status[0] is '4' or '5' && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = status == "400" ? validationProblem : problem },
                };
            }
        }
        AddJsonBesideCsv(operation, context, metadata);
    }

    /// <summary>
    /// A list that also answers CSV declares two 200s (JSON and text/csv); the API explorer keeps the last only, so the
    /// JSON page is put back and the CSV headers described.
    /// </summary>
    static void AddJsonBesideCsv(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse { Content: { } content } ok
            || !content.ContainsKey("text/csv") || content.ContainsKey("application/json"))
        {
            return;
        }
        var json = metadata.OfType<IProducesResponseTypeMetadata>()
            .FirstOrDefault(produces => produces.StatusCode == StatusCodes.Status200OK && produces.Type is { } type && type != typeof(string));
        if (json?.Type is null)
        {
            return;
        }
        content["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(json.Type, context.SchemaRepository) };
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers["X-Total-Count"] = new OpenApiHeader
        {
            Description = "CSV only: the number of rows the filters match",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
        };
        ok.Headers["X-Next-Cursor"] = new OpenApiHeader
        {
            Description = "CSV only: the cursor of the next page, absent on the last",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 32 },
        };
    }
}
