// Ends the here-document; quoted at its start so that the shell expands nothing inside it.
const END_OF_FILE = 'END_OF_SECONDARY_INTERFACE_ROUTING';

/**
 * Shell lines that write `content` to `path` with `mode`. Terraform has already replaced its
 * `${...}` references by then; the shell copies the text as it is.
 */
export function writeFileLines(path: string, content: string, mode: string): string[] {
  return [
    `mkdir -p ${path.slice(0, path.lastIndexOf('/'))}`,
    `cat > ${path} <<'${END_OF_FILE}'`,
    content.replace(/\n$/, ''),
    END_OF_FILE,
    `chmod ${mode} ${path}`,
  ];
}
