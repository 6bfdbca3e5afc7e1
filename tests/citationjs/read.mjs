// Print, as CSL-JSON, what citation-js reads in one file: RIS (.ris) or BibTeX (.bib).
// Usage: node read.mjs FILE
import { readFileSync } from 'node:fs'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'

const FORMATS = { ris: '@ris/file', bib: '@biblatex/text' }

const path = process.argv[2]
const format = FORMATS[(path ?? '').split('.').pop()]
if (!format) {
  console.error('usage: node read.mjs FILE.ris|FILE.bib')
  process.exit(2)
}
// forceType: read the text as that format, never guess it from the content.
const cite = new Cite(readFileSync(path, 'utf8'), { forceType: format })
// The 'data' output is CSL-JSON without citation-js's own bookkeeping (_graph).
process.stdout.write(cite.format('data', { format: 'text' }) + '\n')
