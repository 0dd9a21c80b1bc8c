/**
 * Which kinds of evidence are accepted, judged from the bytes (file-type's magic numbers), never from the
 * name: a renamed executable stays an executable. Text has no magic number: it is accepted when no format
 * matched and the bytes are UTF-8 without control characters (see intake.ts).
 */
export const ACCEPTED_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
  'text/csv': 'csv',
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

export const isAcceptedMediaType = (mime: string): mime is AcceptedMediaType =>
  Object.hasOwn(ACCEPTED_MEDIA_TYPES, mime);

export const ACCEPTED_KINDS =
  'a PDF, an image (PNG, JPEG, WebP, HEIC), a Word or Excel document, or a text/CSV file';

/** What people call the formats most often sent by mistake; others are named by their MIME type. */
const NAMES: Record<string, string> = {
  exe: 'a Windows executable',
  dll: 'a Windows library',
  msi: 'a Windows installer',
  elf: 'a Linux executable',
  macho: 'a macOS executable',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a gzip archive',
  tar: 'a tar archive',
  cfb: 'an old-format Office document (save it as .docx or .xlsx)',
  docm: 'a Word document with macros',
  xlsm: 'an Excel workbook with macros',
  dotx: 'a Word template',
  xltx: 'an Excel template',
  odt: 'an OpenDocument text (save it as .docx or PDF)',
  ods: 'an OpenDocument spreadsheet (save it as .xlsx)',
  gif: 'a GIF image',
  tif: 'a TIFF image',
  bmp: 'a BMP image',
  avif: 'an AVIF image',
  svg: 'an SVG image',
  xml: 'an XML file',
  html: 'an HTML page',
  mp4: 'a video',
  mov: 'a video',
  mp3: 'an audio file',
};

/** "a Windows executable (.exe)"; "a file of type application/x-foo (.foo)" for the rest. */
export const describeFileType = ({ ext, mime }: { ext: string; mime: string }) =>
  `${NAMES[ext] ?? `a file of type ${mime}`} (.${ext})`;
