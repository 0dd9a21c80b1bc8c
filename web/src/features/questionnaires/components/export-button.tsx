import type { Template } from '#shared/schemas/templates.js';
import { Button } from '../../../components/ui/button.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'template';

/** Downloads the (saved) definition as JSON: what "Import JSON" reads back. */
export function ExportButton({ template }: { template: Template }) {
  const download = () => {
    const blob = new Blob([`${JSON.stringify(template.definition, null, 2)}\n`], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${slug(template.name)}-${template.version ? `v${template.version}` : 'draft'}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return <Button onClick={download}>Export JSON</Button>;
}
