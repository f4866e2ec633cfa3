using Grpc.Core;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>The status errors the gateway answers with.</summary>
internal static class GrpcErrors
{
    /// <summary><c>INVALID_ARGUMENT</c> naming the request field; the field also travels as trailer <c>field</c>.</summary>
    public static RpcException InvalidArgument(string field, string message)
    {
        var detail = message.Contains(field, StringComparison.Ordinal) ? message : $"{field}: {message}";
        return new RpcException(new Status(StatusCode.InvalidArgument, detail), new global::Grpc.Core.Metadata { { "field", field } });
    }

    /// <summary><c>INVALID_ARGUMENT</c> from an <see cref="ArgumentException"/> whose parameter name is the request field.</summary>
    public static RpcException InvalidArgument(ArgumentException exception)
    {
        var field = exception.ParamName ?? "request";
        var message = exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
        return InvalidArgument(field, message);
    }

    /// <summary><c>INVALID_ARGUMENT</c> naming every bad field of an event; each field also travels as a trailer <c>field</c>.</summary>
    public static RpcException InvalidArgument(ValidationResult result)
    {
        var trailers = new global::Grpc.Core.Metadata();
        foreach (var field in result.Errors.Select(e => e.Field).Distinct(StringComparer.Ordinal))
        {
            trailers.Add("field", field);
        }

        return new RpcException(new Status(StatusCode.InvalidArgument, result.ToString()), trailers);
    }
}
