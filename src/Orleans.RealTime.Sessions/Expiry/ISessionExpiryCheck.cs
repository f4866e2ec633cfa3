namespace Orleans.RealTime.Sessions.Expiry;

/// <summary>The call <see cref="LocalSessionExpiry"/> wakes a session with.</summary>
internal interface ISessionExpiryCheck : IGrainWithStringKey
{
    /// <summary>Closes the session when it is idle; returns when it next could be (ms since the epoch), or -1 when no session is open.</summary>
    Task<long> CheckExpiryAsync();
}
