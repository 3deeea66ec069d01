# Second independent reference for src/lib/draft/draft.test.ts: scikit-learn's L2 LogisticRegression
# (lbfgs, C = 1 / (lambda * training rows), intercept unpenalised) on the same encoding and folds as
# telco-lr-cv.py (folds in /tmp/folds.txt: assignFolds(labels, 5, 7)). Debian python3-sklearn 1.2.1:
#   /usr/bin/python3 scripts/reference/telco-lr-cv-sklearn.py
# printed fold AUCs [0.8591451600403006, 0.8189542483660128, 0.8306207858637527,
# 0.8621328373246532, 0.8564387241302419], mean 0.8454583511449922 (workbench 0.8454567992316513).
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
d = pd.read_csv('/work/shared/data/telco-churn.csv', keep_default_na=False)
folds = np.loadtxt('/tmp/folds.txt').astype(int)
y = (d.Churn == 'Yes').astype(int).values
yesno = lambda s: s.map({'Yes':1.0,'No':0.0})
num = {}
for c in ['SeniorCitizen','tenure','MonthlyCharges']: num[c] = d[c].astype(float).values
num['TotalCharges'] = pd.to_numeric(d.TotalCharges.replace(' ', ''), errors='coerce').values
for c in ['Partner','Dependents','PhoneService','PaperlessBilling']: num[c] = yesno(d[c]).values
cats = ['gender','MultipleLines','InternetService','OnlineSecurity','OnlineBackup','DeviceProtection','TechSupport','StreamingTV','StreamingMovies','Contract','PaymentMethod']
res=[]
for f in range(5):
    tr = folds != f; te = folds == f
    cols=[]
    for c,v in num.items():
        m = np.nanmean(v[tr]); sd = np.sqrt(np.nanmean(v[tr]**2) - m*m)
        z = (v-m)/sd; z[np.isnan(z)] = 0; cols.append(z)
    for c in cats:
        for lv in sorted(d[c][tr].unique()): cols.append((d[c]==lv).astype(float).values)
    X = np.column_stack(cols); lam = 1e-3; m = tr.sum()
    lr = LogisticRegression(C=1/(lam*m), solver='lbfgs', max_iter=100000, tol=1e-12).fit(X[tr], y[tr])
    res.append(roc_auc_score(y[te], lr.decision_function(X[te])))
print(res, np.mean(res))
