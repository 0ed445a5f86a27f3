export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}
export function runCaptured(
  main: (args: string[]) => Promise<number>,
  args: string[],
): Promise<Captured>;
