namespace SnapshotPS.Emulator;

/// <summary>How a <see cref="FaultKind.MangledBody"/> fault changes the real JSON answer.</summary>
public enum BodyMangle
{
    /// <summary>Every member named "id" or ending in "Id" / "_id" becomes null.</summary>
    NullIds,

    /// <summary>Every scalar changes JSON type: strings become numbers, numbers and booleans become strings.</summary>
    WrongTypes,

    /// <summary>Every number becomes 99999999999999999999999, beyond any 64-bit integer.</summary>
    Overflow,

    /// <summary>Every object below the top level becomes {}: the answer keeps its shape but loses every field.</summary>
    MissingFields,
}
