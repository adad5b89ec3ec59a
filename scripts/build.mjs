// placeholder, replaced below
console.log('build', process.argv[2]);
