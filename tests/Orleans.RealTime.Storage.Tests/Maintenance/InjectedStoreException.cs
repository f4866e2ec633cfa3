using System.Data.Common;

namespace Orleans.RealTime.Storage.Tests.Maintenance;

/// <summary>A database error injected by <see cref="FaultingTierStore"/>, of the family DuckDB and ClickHouse drivers throw.</summary>
internal sealed class InjectedStoreException() : DbException("Injected store failure.");
