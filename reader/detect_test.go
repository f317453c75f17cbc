package reader

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "<html><body>tagged</body></html>", Text}, // the extension wins
		{"a.TXT", "plain", Text},
		{"a.html", "no tags at all", HTML},
		{"a.htm", "", HTML},
		{"a.jsonl", "", JSONL},
		{"a.ndjson", "", JSONL},
		{"a.json", `{"title":"x"}`, JSONL},
		{"a.json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, Feed},
		{"a.xml", "", Feed},
		{"a.rss", "", Feed},
		{"a.atom", "", Feed},
		{"noext", "\uFEFF  <?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\">", Feed},
		{"noext", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", Feed},
		{"noext", "<?xml version='1.0'?><rdf:RDF xmlns:rdf='…'>", Feed},
		{"noext", "<rss version=\"2.0\">", Feed},
		{"noext", "<!DOCTYPE html>\n<html>", HTML},
		{"noext", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", HTML},
		{"noext", "<html lang=en>", HTML},
		{"noext", "<p>a fragment</p>", HTML},
		{"noext", "\n\n  {\"text\": \"hello\"}\n", JSONL},
		{"noext", "Headline\n\nBody {with braces}.", Text},
		{"noext", "", Text},
		{"dir.d/file", "Plain", Text},
		{"https://example.com/feed", "<rss>", Feed},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestResponseFormat(t *testing.T) {
	tests := []struct {
		ctype, url, body string
		want             Format
	}{
		{"text/html; charset=utf-8", "https://e.com/a", "<rss version=\"2.0\"><channel></channel></rss>", Feed}, // mislabelled feed
		{"application/rss+xml", "https://e.com/a", "  ", Feed},
		{"text/plain", "https://e.com/a", "Headline\n\nBody.", Text},
		{"", "https://e.com/a.html", "Some words", HTML},
		{"text/html", "https://e.com/a", "Some words", HTML},
		{"application/x-ndjson", "https://e.com/a", "", JSONL},
	}
	for _, tt := range tests {
		if got := responseFormat(tt.ctype, tt.url, []byte(tt.body)); got != tt.want {
			t.Errorf("responseFormat(%q, %q, %q) = %v, want %v", tt.ctype, tt.url, tt.body, got, tt.want)
		}
	}
}
