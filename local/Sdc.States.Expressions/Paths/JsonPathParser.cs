using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sdc.States.Expressions.Paths.Filters;

namespace Sdc.States.Expressions.Paths;

/// <summary>
/// Recursive-descent parser for the JSONPath dialect AWS accepts (Jayway's): <c>$</c>, <c>$$</c>,
/// <c>.name</c>, <c>['name']</c>, <c>[n]</c>, <c>[*]</c>, <c>.*</c>, <c>[a:b]</c>, <c>..x</c>,
/// unions, <c>[?(...)]</c> filters and <c>.length()</c>.
/// </summary>
internal sealed class JsonPathParser
{
    private readonly string _text;
    private readonly int _end;
    private int _pos;

    private JsonPathParser(string text, int start, int end)
    {
        _text = text;
        _pos = start;
        _end = end;
    }

    /// <summary>Parses a whole path; surrounding blanks are ignored, as Jayway trims them.</summary>
    public static ParsedPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var parser = new JsonPathParser(text, start, end);
        if (parser._pos >= end || text[parser._pos] != '$')
        {
            throw parser.Error("a path must start with '$'");
        }

        parser._pos++;
        var isContext = false;
        if (parser._pos < end && text[parser._pos] == '$')
        {
            isContext = true;
            parser._pos++;
        }

        var segments = parser.ParseSegments(inFilter: false);
        if (parser._pos != end)
        {
            throw parser.Error($"unexpected character '{text[parser._pos]}'");
        }

        return new ParsedPath(isContext, segments);
    }

    private PathSegment[] ParseSegments(bool inFilter)
    {
        var segments = new List<PathSegment>();
        while (_pos < _end)
        {
            if (segments.Count > 0 && segments[^1] is LengthSegment)
            {
                throw new JsonPathSyntaxException(_text, segments[^1].Position, "length() must be the last step of a path");
            }

            var c = _text[_pos];
            if (c == '.')
            {
                var start = _pos;
                if (_pos + 1 < _end && _text[_pos + 1] == '.')
                {
                    _pos += 2;
                    segments.Add(new RecursiveDescentSegment(start, ParseDescentSelector(inFilter)));
                }
                else
                {
                    _pos++;
                    segments.Add(ParseDotSelector(start, inFilter));
                }
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (inFilter)
            {
                break;
            }
            else
            {
                throw Error($"expected '.' or '[' but found '{c}'");
            }
        }

        return [.. segments];
    }

    private PathSegment ParseDotSelector(int start, bool inFilter)
    {
        if (_pos >= _end)
        {
            throw Error("expected a property name or '*' after '.'");
        }

        if (_text[_pos] == '*')
        {
            _pos++;
            return new WildcardSegment(start);
        }

        var nameStart = _pos;
        var name = ReadName(inFilter);
        if (name.Length == 0)
        {
            throw Error("expected a property name or '*' after '.'");
        }

        if (_pos < _end && _text[_pos] == '(')
        {
            if (name != "length" || _pos + 1 >= _end || _text[_pos + 1] != ')')
            {
                throw new JsonPathSyntaxException(_text, nameStart, $"unsupported function '{name}'");
            }

            _pos += 2;
            return new LengthSegment(start);
        }

        return new PropertySegment(start, name);
    }

    private PathSegment ParseDescentSelector(bool inFilter)
    {
        var start = _pos;
        if (_pos >= _end)
        {
            throw Error("expected a property name, '*' or '[' after '..'");
        }

        switch (_text[_pos])
        {
            case '[':
                return ParseBracket();
            case '*':
                _pos++;
                return new WildcardSegment(start);
        }

        var name = ReadName(inFilter);
        if (name.Length == 0)
        {
            throw Error("expected a property name, '*' or '[' after '..'");
        }

        return new PropertySegment(start, name);
    }

    private string ReadName(bool inFilter)
    {
        var start = _pos;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c is '.' or '[' or '(')
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inFilter)
                {
                    break;
                }

                throw Error("a name containing blanks needs bracket notation, e.g. ['my name']");
            }

            if (inFilter && c is ')' or '=' or '!' or '<' or '>' or '&' or '|' or ',' or ']')
            {
                break;
            }

            _pos++;
        }

        return _text[start.._pos];
    }

    private PathSegment ParseBracket()
    {
        var start = _pos;
        _pos++; // '['
        SkipBlanks();
        if (_pos >= _end)
        {
            throw Error("unclosed '['");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '\'' or '"':
                {
                    var names = new List<string> { ReadQuoted() };
                    while (true)
                    {
                        SkipBlanks();
                        if (TryConsume(','))
                        {
                            SkipBlanks();
                            if (_pos >= _end || _text[_pos] is not ('\'' or '"'))
                            {
                                throw Error("expected a quoted name after ','");
                            }

                            names.Add(ReadQuoted());
                            continue;
                        }

                        Expect(']');
                        break;
                    }

                    return names.Count == 1 ? new PropertySegment(start, names[0]) : new PropertyUnionSegment(start, [.. names]);
                }

            case '*':
                _pos++;
                SkipBlanks();
                Expect(']');
                return new WildcardSegment(start);
            case '?':
                {
                    _pos++;
                    SkipBlanks();
                    Expect('(');
                    var filter = ParseOr();
                    SkipBlanks();
                    Expect(')');
                    SkipBlanks();
                    Expect(']');
                    return new FilterSegment(start, filter);
                }

            case ':' or '-' or (>= '0' and <= '9'):
                return ParseIndexes(start);
            default:
                throw Error("expected a quoted name, an index, '*', a slice or a filter inside '[...]'");
        }
    }

    private PathSegment ParseIndexes(int start)
    {
        int? first = _text[_pos] == ':' ? null : ReadInt();
        SkipBlanks();
        if (TryConsume(':'))
        {
            SkipBlanks();
            int? second = _pos < _end && _text[_pos] is '-' or (>= '0' and <= '9') ? ReadInt() : null;
            SkipBlanks();
            if (_pos < _end && _text[_pos] == ':')
            {
                throw Error("slice steps ([a:b:c]) are not supported");
            }

            Expect(']');
            return new SliceSegment(start, first, second);
        }

        if (first is null)
        {
            throw Error("expected an index");
        }

        if (_pos < _end && _text[_pos] == ',')
        {
            var indexes = new List<int> { first.Value };
            while (TryConsume(','))
            {
                SkipBlanks();
                indexes.Add(ReadInt());
                SkipBlanks();
            }

            Expect(']');
            return new IndexUnionSegment(start, [.. indexes]);
        }

        Expect(']');
        return new IndexSegment(start, first.Value);
    }

    private int ReadInt()
    {
        var start = _pos;
        if (_pos < _end && _text[_pos] == '-')
        {
            _pos++;
        }

        var digits = _pos;
        while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == digits)
        {
            throw Error("expected an integer");
        }

        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonPathSyntaxException(_text, start, "index out of range");
        }

        return value;
    }

    /// <summary>
    /// A name in quotes. A backslash escapes the quote character and itself; any other backslash
    /// is kept as written. AWS matches <c>$['Test\""Name"']</c> against the key <c>Test\""Name"</c>
    /// (recorded), so <c>\"</c> inside single quotes is not an escape.
    /// </summary>
    private string ReadQuoted()
    {
        var quote = _text[_pos];
        var start = _pos;
        _pos++;
        var builder = new StringBuilder();
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _end && (_text[_pos + 1] == quote || _text[_pos + 1] == '\\'))
            {
                builder.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (c == quote)
            {
                _pos++;
                return builder.ToString();
            }

            builder.Append(c);
            _pos++;
        }

        throw new JsonPathSyntaxException(_text, start, "unterminated quoted string");
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (true)
        {
            SkipBlanks();
            if (!TryConsume("||"))
            {
                return left;
            }

            left = new LogicalExpression(left, ParseAnd(), isAnd: false);
        }
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipBlanks();
            if (!TryConsume("&&"))
            {
                return left;
            }

            left = new LogicalExpression(left, ParseUnary(), isAnd: true);
        }
    }

    private FilterExpression ParseUnary()
    {
        SkipBlanks();
        if (_pos < _end && _text[_pos] == '!' && (_pos + 1 >= _end || _text[_pos + 1] != '='))
        {
            _pos++;
            return new NotExpression(ParseUnary());
        }

        if (TryConsume('('))
        {
            var inner = ParseOr();
            SkipBlanks();
            Expect(')');
            return inner;
        }

        var start = _pos;
        var left = ParseOperand();
        SkipBlanks();
        if (!TryReadOperator(out var op))
        {
            if (left is PathOperand)
            {
                return new ExistsExpression(left);
            }

            throw new JsonPathSyntaxException(_text, start, "a literal alone is not a filter condition");
        }

        var right = ParseOperand();
        return new ComparisonExpression(left, op, right);
    }

    private bool TryReadOperator(out ComparisonOperator op)
    {
        op = ComparisonOperator.Equal;
        if (TryConsume("=="))
        {
            op = ComparisonOperator.Equal;
        }
        else if (TryConsume("!="))
        {
            op = ComparisonOperator.NotEqual;
        }
        else if (TryConsume("<="))
        {
            op = ComparisonOperator.LessThanOrEqual;
        }
        else if (TryConsume(">="))
        {
            op = ComparisonOperator.GreaterThanOrEqual;
        }
        else if (TryConsume('<'))
        {
            op = ComparisonOperator.LessThan;
        }
        else if (TryConsume('>'))
        {
            op = ComparisonOperator.GreaterThan;
        }
        else if (_pos < _end && _text[_pos] == '=')
        {
            throw Error("unsupported filter operator (supported: ==, !=, <, <=, >, >=, &&, ||, !)");
        }
        else
        {
            return false;
        }

        return true;
    }

    private FilterOperand ParseOperand()
    {
        SkipBlanks();
        if (_pos >= _end)
        {
            throw Error("expected a filter operand");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '@':
                _pos++;
                return new PathOperand(relative: true, ParseSegments(inFilter: true));
            case '$':
                _pos++;
                return new PathOperand(relative: false, ParseSegments(inFilter: true));
            case '\'' or '"':
                return new LiteralOperand(JsonValue.Create(ReadQuoted()));
            case '-' or (>= '0' and <= '9'):
                return new LiteralOperand(ReadNumber());
        }

        if (TryConsumeWord("true"))
        {
            return new LiteralOperand(JsonValue.Create(true));
        }

        if (TryConsumeWord("false"))
        {
            return new LiteralOperand(JsonValue.Create(false));
        }

        if (TryConsumeWord("null"))
        {
            return new LiteralOperand(null);
        }

        throw Error("expected '@', '$', a string, a number, true, false or null");
    }

    private JsonNode ReadNumber()
    {
        var start = _pos;
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < _end && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        try
        {
            return JsonNode.Parse(_text.AsSpan(start, _pos - start).ToString())
                ?? throw new JsonPathSyntaxException(_text, start, "invalid number");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new JsonPathSyntaxException(_text, start, "invalid number");
        }
    }

    private void SkipBlanks()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_pos < _end && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private bool TryConsume(string token)
    {
        if (_end - _pos >= token.Length && string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private bool TryConsumeWord(string word)
    {
        if (_end - _pos >= word.Length
            && string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0
            && (_pos + word.Length == _end || !char.IsAsciiLetterOrDigit(_text[_pos + word.Length])))
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw _pos >= _end ? Error($"expected '{c}' but the path ended") : Error($"expected '{c}' but found '{_text[_pos]}'");
        }
    }

    private JsonPathSyntaxException Error(string reason) => new(_text, _pos, reason);
}
