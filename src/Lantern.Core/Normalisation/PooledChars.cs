using System.Buffers;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Characters appended to a buffer rented from the shared pool, grown when full: a pass builds its result here and
/// makes a string only when the result differs from its input. A mutable struct: keep it in a local, never copy it,
/// and dispose it (which returns the buffer) when done.
/// </summary>
internal struct PooledChars(int capacity) : IDisposable
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));

    public int Length { get; private set; }

    public readonly char Last => _buffer[Length - 1];

    public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, Length);

    /// <summary>The characters written so far, to be rewritten in place (never past <see cref="Length"/>).</summary>
    public readonly Span<char> Writable => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        if (Length + chars.Length > _buffer.Length)
        {
            Grow(chars.Length);
        }

        chars.CopyTo(_buffer.AsSpan(Length));
        Length += chars.Length;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + needed));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
