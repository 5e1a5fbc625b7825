namespace Hadath.Corpus.Postgres;

/// <summary>Error codes of the scale-out layer (PostgreSQL store, NATS workers), in the E5xx range (docs/deploy.md).</summary>
public static class ScaleErrors
{
    /// <summary>A store or broker address is malformed.</summary>
    public const string BadAddress = "E501";
    /// <summary>The database cannot be reached, or its schema is newer than this hadath.</summary>
    public const string StoreUnavailable = "E502";
    /// <summary>The broker cannot be reached, or the stream cannot be created.</summary>
    public const string BrokerUnavailable = "E503";
    /// <summary>A queued message is not a readable document (not JSON, or no text).</summary>
    public const string BadMessage = "E504";
    /// <summary>A document failed on every delivery and was moved to the dead-letter subject.</summary>
    public const string DeadLetter = "E505";
}
