using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JobMatch.Api.OpenApi;

/// <summary>Documents what every endpoint shares: the Idempotency-Key header, 401/403 for protected routes, 429 and 500.</summary>
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
                Description = "Same key and body: the first answer again. Same key, another body: 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was used with another body" });
        }
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token" });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Your role may not use this route" });
        }
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Rate limited: retry after Retry-After seconds" });
        operation.Responses.TryAdd("500", new OpenApiResponse { Description = "Unexpected error, with a traceId" });
    }
}
