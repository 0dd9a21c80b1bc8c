import type PDFDocument from 'pdfkit';

// The document information dictionary and its XMP copy. PDF/A requires the two to agree, and pdfkit 0.20's own
// XMP writer (MetadataMixin._addInfo) has two faults for us: it pastes Title/Author/Subject into the XML
// unescaped (a supplier called "Smith & Sons" makes the packet malformed) and it omits xmp:ModifyDate and
// xmp:MetadataDate. This replaces that one method on our documents, with the same output otherwise.

export interface DocumentInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP date: the instant in UTC to the second, as the Info dictionary's dates carry it. */
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

interface MetadataHooks {
  info: DocumentInfo;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

export function installXmpWriter(doc: PDFDocument): void {
  const target = doc as unknown as MetadataHooks;
  target._addInfo = function addInfo(this: MetadataHooks) {
    const info = this.info;
    this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
            <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>
            <xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Subject)}</rdf:li></rdf:Alt></dc:description>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>
            <pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>
        </rdf:Description>
        `);
  };
}
