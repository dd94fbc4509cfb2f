namespace Jat.Converters.Wikipedia;

/// <summary>One &lt;page&gt; of a dump. <paramref name="Ordinal"/> counts every page from 0, whatever is kept: it is the resume cursor.</summary>
internal sealed record DumpPage(long Ordinal, long Id, int Namespace, string Title, bool IsRedirect, string Text, long Line);
