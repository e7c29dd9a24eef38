using System;
using System.Runtime.InteropServices;
using System.Security;

namespace SnapshotPS.Core.Connections;

/// <summary>A credential that never shows itself in output, logs, exceptions or ToString.</summary>
public sealed class SecretValue
{
    private readonly string _value;

    private SecretValue(string value) => _value = value;

    public static SecretValue FromPlainText(string value)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException("A secret cannot be empty.", nameof(value));
        return new SecretValue(value);
    }

    public static SecretValue FromSecureString(SecureString value)
    {
        if (value is null || value.Length == 0) throw new ArgumentException("A secret cannot be empty.", nameof(value));
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return new SecretValue(Marshal.PtrToStringUni(pointer)!);
        }
        finally
        {
            if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>The plain value, for the auth handlers only.</summary>
    internal string Reveal() => _value;

    internal bool RevealsAs(string candidate) => string.Equals(_value, candidate, StringComparison.Ordinal);

    public override string ToString() => "********";
}
