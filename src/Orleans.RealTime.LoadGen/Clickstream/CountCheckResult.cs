using System.Globalization;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Per-user counts produced versus reported.</summary>
internal sealed record CountCheckResult(int Users, long Expected, long Reported, long Lost, long Duplicated, int UsersOff)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"count check: {Users} users, {Expected} distinct events produced, {Reported} reported; lost {Lost}, duplicated {Duplicated}, users off {UsersOff}");
}
