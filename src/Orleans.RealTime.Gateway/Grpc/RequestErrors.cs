using System.Diagnostics.CodeAnalysis;
using Grpc.Core;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>Throw helpers for bad requests: <c>INVALID_ARGUMENT</c> naming the field.</summary>
internal static class RequestErrors
{
    public const int MaxUserIdLength = 128;

    /// <summary>Checks a <c>user_id</c> field: required, at most <see cref="MaxUserIdLength"/> characters.</summary>
    public static string RequireUserId(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            InvalidArgument("user_id", "is required");
        }

        if (userId.Length > MaxUserIdLength)
        {
            InvalidArgument("user_id", $"must be at most {MaxUserIdLength} characters (was {userId.Length})");
        }

        return userId;
    }

    [DoesNotReturn]
    public static void InvalidArgument(string field, string problem) =>
        throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
