// n8n loads the package through the `n8n` section of package.json; this entry only exposes the domain core.
module.exports = require('./dist/lib');
