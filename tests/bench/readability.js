// The reference for tests/bench/bench_extract.sh and
// tests/tools/extract_f1.py --html: Mozilla's Readability.js on jsdom.
// usage: node readability.js FILE  (prints the article's HTML)
// NODE_PATH must lead to @mozilla/readability and jsdom.
const fs = require('fs');
const { JSDOM } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const html = fs.readFileSync(process.argv[2], 'utf8');
const dom = new JSDOM(html, { url: 'http://fakehost/test/page.html' });
const article = new Readability(dom.window.document).parse();
process.stdout.write(article ? article.content : '');
