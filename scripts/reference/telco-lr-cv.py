# Independent reference for src/lib/draft/draft.test.ts: the plain L2 logistic regression on
# telco-churn, same encoding and folds as src/lib/draft/cv.ts (folds written by the test helper
# to /tmp/folds.txt: assignFolds(labels, 5, 7), one per line). Debian python3-pandas + scipy:
#   /usr/bin/python3 scripts/reference/telco-lr-cv.py
# printed fold AUCs [0.8591477434188431, 0.818959415123098, 0.8306130357281253,
# 0.8621276705675682, 0.8564361313206217], mean 0.8454567992316513.
import numpy as np, pandas as pd
from scipy.optimize import minimize
from scipy.stats import rankdata
d = pd.read_csv('/work/shared/data/telco-churn.csv', keep_default_na=False)
folds = np.loadtxt('/tmp/folds.txt').astype(int)
y = (d.Churn == 'Yes').astype(float).values
yesno = lambda s: s.map({'Yes':1.0,'No':0.0})
num = {}
for c in ['SeniorCitizen','tenure','MonthlyCharges']: num[c] = d[c].astype(float).values
num['TotalCharges'] = pd.to_numeric(d.TotalCharges.replace(' ', ''), errors='coerce').values
for c in ['Partner','Dependents','PhoneService','PaperlessBilling']: num[c] = yesno(d[c]).values
cats = ['gender','MultipleLines','InternetService','OnlineSecurity','OnlineBackup','DeviceProtection','TechSupport','StreamingTV','StreamingMovies','Contract','PaymentMethod']
def auc(score, lab):  # risk = -health; AUC = P(risk_pos > risk_neg)
    r = rankdata(-score); P = lab.sum(); N = len(lab)-P
    return (r[lab==1].sum() - P*(P+1)/2)/(P*N)
res=[]
for f in range(5):
    tr = folds != f; te = folds == f
    cols=[]
    for c,v in num.items():
        m = np.nanmean(v[tr]); sd = np.sqrt(np.nanmean(v[tr]**2) - m*m)
        z = (v-m)/sd; z[np.isnan(z)] = 0; cols.append(z)
    for c in cats:
        for lv in sorted(d[c][tr].unique()): cols.append((d[c]==lv).astype(float).values)
    X = np.column_stack(cols); lam=1e-3
    Xtr, ytr = X[tr], y[tr]; m = len(ytr)
    def J(w):
        eta = w[0] + Xtr@w[1:]
        return (np.logaddexp(0,eta) - ytr*eta).mean() + lam/2*(w[1:]**2).sum()
    def G(w):
        eta = w[0] + Xtr@w[1:]; p = 1/(1+np.exp(-eta)); r = p-ytr
        return np.concatenate([[r.mean()], Xtr.T@r/m + lam*w[1:]])
    w = minimize(J, np.zeros(X.shape[1]+1), jac=G, method='L-BFGS-B', options={'gtol':1e-12,'maxiter':10000,'ftol':1e-15}).x
    res.append(auc(-(w[0]+X[te]@w[1:]), y[te]))
print(res, np.mean(res))
