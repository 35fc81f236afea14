namespace Lantern.Core.Sensitive;

/// <summary>The NHS number's check digit (modulus 11, weights 10 down to 2 on the first nine digits).</summary>
public static class NhsNumber
{
    /// <summary>
    /// True when <paramref name="digits"/> holds exactly ten ASCII digits (spaces and hyphens between groups are
    /// ignored) whose last digit is the modulus-11 check digit of the first nine. Ten equal digits are rejected: they
    /// pass the arithmetic but are placeholders, not numbers.
    /// </summary>
    public static bool IsValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var d = digits.Where(c => c is not (' ' or '-')).ToArray();
        if (d.Length != 10 || !d.All(char.IsAsciiDigit) || d.All(c => c == d[0]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == d[9] - '0';
    }
}
