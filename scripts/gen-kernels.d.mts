export const TARGET: string;
export function generateKernels(): Promise<string>;
