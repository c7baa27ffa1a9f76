using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>
/// Parses <c>States.Name(arg, ...)</c>. Arguments: string literals in single quotes (with the
/// escapes AWS documents: <c>\'</c>, <c>\{</c>, <c>\}</c>, <c>\\</c>; any other backslash is an
/// error), numbers, true, false, null, <c>$</c>/<c>$$</c> paths and nested calls (at most 10 deep).
/// </summary>
internal sealed class IntrinsicParser
{
    public const int MaxNesting = 10;
    private const string Prefix = "States.";

    private readonly string _text;
    private readonly IntrinsicFunctionRegistry _functions;
    private int _pos;

    private IntrinsicParser(string text, IntrinsicFunctionRegistry functions)
    {
        _text = text;
        _functions = functions;
    }

    public static CallNode Parse(string text, IntrinsicFunctionRegistry functions)
    {
        var parser = new IntrinsicParser(text, functions);
        parser.SkipBlanks();
        var call = parser.ParseCall(1);
        parser.SkipBlanks();
        if (parser._pos != text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._pos]}' after the end of the call");
        }

        return call;
    }

    private CallNode ParseCall(int depth)
    {
        var start = _pos;
        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) != 0)
        {
            throw Error("expected an intrinsic function call such as States.Format(...)");
        }

        _pos += Prefix.Length;
        while (_pos < _text.Length && char.IsAsciiLetterOrDigit(_text[_pos]))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (!_functions.TryGet(name, out var function))
        {
            throw new IntrinsicSyntaxException(_text, start, $"unknown intrinsic function '{name}'");
        }

        if (depth > MaxNesting)
        {
            throw new IntrinsicSyntaxException(_text, start, $"intrinsic functions may be nested at most {MaxNesting} deep");
        }

        if (_pos >= _text.Length || _text[_pos] != '(')
        {
            throw Error($"expected '(' after {name}");
        }

        _pos++;
        var arguments = new List<IntrinsicNode>();
        SkipBlanks();
        if (_pos < _text.Length && _text[_pos] == ')')
        {
            _pos++;
            return new CallNode(start, function, []);
        }

        while (true)
        {
            arguments.Add(ParseArgument(depth));
            SkipBlanks();
            if (_pos >= _text.Length)
            {
                throw Error($"missing ')' to close {name}(");
            }

            if (_text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_text[_pos] == ')')
            {
                _pos++;
                return new CallNode(start, function, [.. arguments]);
            }

            throw Error($"expected ',' or ')' but found '{_text[_pos]}'");
        }
    }

    private IntrinsicNode ParseArgument(int depth)
    {
        SkipBlanks();
        if (_pos >= _text.Length)
        {
            throw Error("expected an argument");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '\'':
                return ParseString();
            case '$':
                return ParsePath();
            case '-' or (>= '0' and <= '9'):
                return ParseNumber();
        }

        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) == 0)
        {
            return ParseCall(depth + 1);
        }

        var start = _pos;
        if (TryConsumeWord("true"))
        {
            return new LiteralNode(start, JsonValue.Create(true));
        }

        if (TryConsumeWord("false"))
        {
            return new LiteralNode(start, JsonValue.Create(false));
        }

        if (TryConsumeWord("null"))
        {
            return new LiteralNode(start, null);
        }

        throw Error("expected a 'string', a number, true, false, null, a path ($... or $$...) or a States.* call");
    }

    private LiteralNode ParseString()
    {
        var start = _pos;
        _pos++;
        var builder = new StringBuilder();
        List<int>? placeholders = null;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new IntrinsicSyntaxException(_text, start, "unterminated string literal");
            }

            var c = _text[_pos];
            if (c == '\\')
            {
                var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                if (next is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error("an open backslash: only \\', \\{, \\} and \\\\ are escapes in an intrinsic string");
                }

                builder.Append(next);
                _pos += 2;
                continue;
            }

            if (c == '\'')
            {
                _pos++;
                break;
            }

            if (c == '{' && _pos + 1 < _text.Length && _text[_pos + 1] == '}')
            {
                (placeholders ??= []).Add(builder.Length);
                builder.Append("{}");
                _pos += 2;
                continue;
            }

            builder.Append(c);
            _pos++;
        }

        return new LiteralNode(start, JsonValue.Create(builder.ToString()), placeholders is null ? [] : [.. placeholders]);
    }

    /// <summary>A path runs to the next ',' or ')' or blank outside brackets; brackets may hold quotes, commas and filters.</summary>
    private PathNode ParsePath()
    {
        var start = _pos;
        var depth = 0;
        var quote = '\0';
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    _pos += 2;
                    continue;
                }

                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (depth > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }

            _pos++;
        }

        var text = _text[start..Math.Min(_pos, _text.Length)];
        try
        {
            return new PathNode(start, JsonPath.Parse(text));
        }
        catch (JsonPathSyntaxException e)
        {
            throw new IntrinsicSyntaxException(_text, start + e.Position, $"invalid path '{text}': {e.Reason}");
        }
    }

    private LiteralNode ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
        {
            _pos++;
        }

        var raw = _text[start.._pos];
        try
        {
            return new LiteralNode(start, JsonNode.Parse(raw));
        }
        catch (JsonException)
        {
            throw new IntrinsicSyntaxException(_text, start, $"invalid number '{raw}'");
        }
    }

    private bool TryConsumeWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0
            && (_pos + word.Length == _text.Length || !char.IsAsciiLetterOrDigit(_text[_pos + word.Length])))
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private IntrinsicSyntaxException Error(string reason) => new(_text, _pos, reason);
}
