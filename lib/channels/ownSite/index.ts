// Own site (any website that pushes orders as JSON): signature checks, the field mapping, normalize.
export * from './sign';
export * from './mapping';
export * from './normalize';
