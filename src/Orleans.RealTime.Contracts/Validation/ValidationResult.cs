namespace Orleans.RealTime.Contracts.Validation;

/// <summary>The outcome of validating an event: every problem found, or none.</summary>
public sealed class ValidationResult
{
    /// <summary>A result with no problems.</summary>
    public static ValidationResult Valid { get; } = new([]);

    /// <summary>Creates a result holding <paramref name="errors"/>.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>Every problem found, in field order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>All problems on one line, e.g. for a gRPC status detail or a dead-letter header.</summary>
    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
